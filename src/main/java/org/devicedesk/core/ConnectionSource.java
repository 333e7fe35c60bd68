package org.devicedesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that only hands out connections, for the libraries that want one (Flyway, HikariCP):
 * everything else a DataSource may do (log writers, login time-outs, unwrapping) it declines.
 */
abstract class ConnectionSource implements DataSource {
    @Override public abstract Connection getConnection() throws SQLException;

    @Override public Connection getConnection(String u, String p) throws SQLException { return getConnection(); }
    @Override public java.io.PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(java.io.PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public java.util.logging.Logger getParentLogger() { return java.util.logging.Logger.getGlobal(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
