package org.devicedesk.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connections (ADR 0010): a HikariCP pool that validates a connection before handing it out
 * after it sat idle, is bounded, and gives up within set times — so a restarted server costs at most the
 * operation that was running, and a hung one is answered in seconds instead of never. SQLite never loads it.
 */
final class PostgresPool {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPool.class);
    /** A server that sends nothing for this long is taken as hung (the driver's socket timeout). */
    static final int SOCKET_TIMEOUT_SECONDS = 12;
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** How long an operation waits for a connection (validating idle ones, opening new ones) before it fails. */
    static final long CONNECTION_WAIT_MILLIS = 10_000;
    static final int MAX_CONNECTIONS = 6;
    /** A runaway statement is cancelled by the server after this. */
    static final String STATEMENT_TIMEOUT = "60s";

    private PostgresPool() {}

    /** The pool, plus unpooled connections with the same settings for Flyway (no socket timeout: migrations can be long) and the change feed. */
    record Opened(HikariDataSource pool, String url, String user, Properties plainProps) {
        DataSource plain() {
            return new ConnectionSource() {
                @Override public Connection getConnection() throws SQLException {
                    return DriverManager.getConnection(url, plainProps);
                }
            };
        }

        Connection listenConnection() throws SQLException {
            Properties p = new Properties();
            p.putAll(plainProps);
            p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            p.setProperty("ApplicationName", "Device Desk (changes)");
            return DriverManager.getConnection(url, p);
        }
    }

    /** The user: given, else DEVICEDESK_DB_USER, else PGUSER, else the driver's default (the operating-system user). */
    static String user(String given) {
        if (given != null && !given.isBlank()) return given;
        for (String env : new String[] {"DEVICEDESK_DB_USER", "PGUSER"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    /**
     * The password: given (--db-password), else DEVICEDESK_DB_PASSWORD, else PGPASSWORD; null leaves it to the
     * driver, which reads {@code ~/.pgpass} (or the file PGPASSFILE names) as psql does.
     */
    static String password(String given) {
        if (given != null) return given;
        for (String env : new String[] {"DEVICEDESK_DB_PASSWORD", "PGPASSWORD"}) {
            String v = System.getenv(env);
            if (v != null && !v.isEmpty()) return v;
        }
        return null;
    }

    static Opened open(String url, String givenUser, String givenPassword) {
        String user = user(givenUser);
        String password = password(givenPassword);
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "Device Desk");

        // validate every connection as it is handed out, not only those idle for over half a second: after a restart
        // the pool holds only dead connections, and each one used unchecked would be one failed operation
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        HikariConfig config = new HikariConfig();
        config.setPoolName("devicedesk");
        config.setJdbcUrl(url); // sslmode and anything else in the URL are the driver's, untouched
        config.setDriverClassName("org.postgresql.Driver");
        Properties pooled = new Properties();
        pooled.putAll(props);
        pooled.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        config.setDataSourceProperties(pooled);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.setValidationTimeout(2_000);
        config.setIdleTimeout(300_000);
        config.setKeepaliveTime(120_000);
        config.setMaxLifetime(1_800_000);
        config.setLeakDetectionThreshold(120_000); // logs a connection held for two minutes, with where it was taken
        config.setConnectionInitSql("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
        config.setInitializationFailTimeout(1); // a first connection now: a wrong password or host is said at start-up
        return new Opened(new HikariDataSource(config), url, user, props);
    }

    /** The URL as shown to people and in logs: a password written into it is not repeated. */
    static String withoutSecrets(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Whether a failure means the server is away or hung, not that the operation itself was wrong. */
    static DatabaseUnavailable.Reason unreachable(Throwable e) {
        DatabaseUnavailable.Reason found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailable du) return du.reason();
            if (t instanceof SocketTimeoutException) return DatabaseUnavailable.Reason.NOT_ANSWERING;
            if (t instanceof SQLTransientConnectionException) found = DatabaseUnavailable.Reason.NOT_ANSWERING;
            if (t instanceof ConnectException) return DatabaseUnavailable.Reason.UNREACHABLE;
            if (t instanceof SQLException se && se.getSQLState() != null) {
                String state = se.getSQLState();
                // 08: connection exceptions; 57P01-03: the server is shutting down or starting up
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    if (found == null) found = DatabaseUnavailable.Reason.UNREACHABLE;
                }
            }
            if (t.getCause() == t) break;
        }
        return found;
    }

    /** A start-up failure on PostgreSQL, in words that say what to do. */
    static DatabaseProblem problem(String url, String user, Throwable e) {
        String where = withoutSecrets(url);
        String who = user == null ? "the operating-system user " + System.getProperty("user.name") : "user " + user;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseProblem dp) return dp;
            if (t instanceof SQLException se && se.getSQLState() != null) {
                String state = se.getSQLState();
                String message = se.getMessage() == null ? "" : se.getMessage();
                if (state.equals("28P01") || message.contains("no password was provided")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                            message.contains("no password was provided")
                                    ? "The database server asks for a password for " + who + ", and none was given."
                                    : "The database server refused the password for " + who + ".",
                            "Give the password in DEVICEDESK_DB_PASSWORD or PGPASSWORD, or in ~/.pgpass (a line host:port:database:user:password, "
                                    + "file mode 600); --db-password also works but shows it to other users of this computer. "
                                    + "If it was changed, ask the database administrator for the new one.", e);
                }
                if (state.equals("28000")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                            "The database server does not let " + who + " in to this database from this computer.",
                            "Ask the database administrator to create the role or allow it in pg_hba.conf (README, A shared PostgreSQL database), "
                                    + "or check --db-user.", e);
                }
                if (state.equals("3D000")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                            "The database named in --db-url does not exist on that server.",
                            "Check the name at the end of --db-url, or ask the database administrator to create it (README, A shared PostgreSQL database).", e);
                }
                if (state.equals("42501")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                            "The database user may not do what setting up the database needs: " + message,
                            "The first start of a new version sets up the tables: run it once as the database's owner "
                                    + "(README, A shared PostgreSQL database), then start again as usual.", e);
                }
                if (message.toLowerCase(java.util.Locale.ROOT).contains("ssl")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                            "The secure (SSL) connection to the database server failed: " + message,
                            "Check sslmode in --db-url against what the server offers (ask the database administrator).", e);
                }
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, where,
                        t instanceof UnknownHostException ? "The database server's name is not known: " + t.getMessage() + "."
                                : t instanceof SocketTimeoutException ? "The database server did not answer in time."
                                : "The database server did not accept the connection (it is not running, or not at that address and port).",
                        "Check the server name and port in --db-url and that the server is running, then start Device Desk again.", e);
            }
            if (t.getCause() == t) break;
        }
        return Database.cannotOpen(where, "Check --db-url and that the database server is running, then try again.", e);
    }

}
