package org.devicedesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a message from its template ({@code templates/<kind>.txt}: a "Subject:" line, a blank line, the
 * body) into a subject, a plain-text body and an HTML body, each wrapped in the office's layout.
 * Placeholders are {@code {{name}}}; in HTML every value is escaped.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    public record Rendered(String subject, String text, String html) {}

    private Templates() {}

    public static Rendered render(MailKind kind, Map<String, String> values) {
        String template = resource(kind.name().toLowerCase() + ".txt");
        int split = template.indexOf("\n\n");
        String first = template.substring(0, split);
        if (!first.startsWith("Subject: ")) throw new IllegalStateException("The template of " + kind + " does not start with a Subject line");
        String subject = fill(first.substring("Subject: ".length()), values, false).strip();
        String body = template.substring(split + 2).strip();

        String text = fill(resource("layout.txt"), Map.of("body", fill(body, values, false),
                "office", values.getOrDefault("office", "")), false);
        StringBuilder html = new StringBuilder();
        for (String paragraph : body.split("\n\\s*\n")) {
            html.append("<p>").append(fill(paragraph.strip(), values, true).replace("\n", "<br>\n")).append("</p>\n");
        }
        String page = resource("layout.html")
                .replace("{{subject}}", escape(subject))
                .replace("{{office}}", escape(values.getOrDefault("office", "")))
                .replace("{{body}}", html.toString().strip());
        return new Rendered(subject, text.strip() + "\n", page);
    }

    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("No value for {{" + m.group(1) + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(v) : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String resource(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Templates.class.getResourceAsStream("templates/" + n)) {
                if (in == null) throw new IllegalStateException("Missing mail template " + n);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
