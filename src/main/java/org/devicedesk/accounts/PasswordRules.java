package org.devicedesk.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.devicedesk.core.Problems;

/**
 * The rules for a new local password, per NIST SP 800-63B (5.1.1.2): at least 12 characters, not the
 * username or the person's name (context-specific words), and not a common or breached password. The
 * list is zxcvbn's {@code passwords.txt} — the 30,000 most frequent passwords of Mark Burnett's corpus of
 * 10 million leaked passwords — read from the zxcvbn4j jar (com.nulab-inc:zxcvbn, MIT licence). A
 * password is refused when it is on the list, or is a listed password with digits or symbols around it
 * ("password1234", "!qwerty2026!") or repeated ("monkeymonkey"). No composition rules (NIST says not to).
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private PasswordRules() {}

    private static final class Common {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>(40_000);
            try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
                if (in == null) throw new IllegalStateException("The list of common passwords is missing from the class path: " + LIST);
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String w = line.strip().toLowerCase(Locale.ROOT);
                        if (!w.isEmpty()) words.add(w);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return words;
        }
    }

    /** How many passwords the shipped list holds. */
    public static int listSize() {
        return Common.WORDS.size();
    }

    /** Adds a problem to {@code field} unless the password may be used by this account. */
    public static void check(Problems p, String username, String personName, String password, String field) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            p.add(field, "The password must be at least " + MIN_LENGTH + " characters long.");
            return;
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String core = core(lower);
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && (lower.equals(user) || core.equals(core(user)) || compact(lower).contains(compact(user)) && compact(user).length() >= 4)) {
            p.add(field, "The password must not be the username, or contain it.");
            return;
        }
        if (personName != null && !personName.isBlank() && isName(lower, personName)) {
            p.add(field, "The password must not be your name, or contain it. Choose a phrase of unrelated words.");
            return;
        }
        if (isCommon(lower)) {
            p.add(field, "This password is on a list of common passwords known from breaches (or is one of them with digits or"
                    + " symbols added), so it is easy to guess. Choose a phrase of three or four unrelated words.");
        }
    }

    static boolean isCommon(String lower) {
        Set<String> words = Common.WORDS;
        if (words.contains(lower)) return true;
        String core = core(lower);
        if (core.length() >= 3 && words.contains(core)) return true;
        String compact = compact(lower);
        if (compact.length() >= 3 && words.contains(compact)) return true;
        return repeats(words, core) || repeats(words, compact);
    }

    /** A listed password repeated ("monkeymonkey"), or one or two characters over and over ("111111111111"). */
    private static boolean repeats(Set<String> words, String s) {
        for (int n = 1; n <= s.length() / 2; n++) {
            if (s.length() % n == 0 && s.substring(0, n).repeat(s.length() / n).equals(s)
                    && (n < 3 || words.contains(s.substring(0, n)))) return true;
        }
        return false;
    }

    private static boolean isName(String lower, String personName) {
        String compactPassword = compact(lower);
        String fullName = compact(personName.toLowerCase(Locale.ROOT));
        if (!fullName.isEmpty() && (compactPassword.contains(fullName) || core(lower).equals(fullName))) return true;
        for (String part : personName.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (part.length() >= 4 && compactPassword.contains(part)) return true;
        }
        return false;
    }

    /** Without leading and trailing digits, symbols and spaces: "!password1234" is "password". */
    static String core(String s) {
        int a = 0, b = s.length();
        while (a < b && !Character.isLetter(s.charAt(a))) a++;
        while (b > a && !Character.isLetter(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    /** Letters and digits only. */
    private static String compact(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
