package io.fullstackhelidon.infra.db;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pooled connection that gives its {@link FairConnectionGate} permit back when it is closed, and passes every other
 * call straight through. (A {@code java.lang.reflect.Proxy} did the same through reflection on every call, 4 % of an
 * item read's CPU.)
 */
final class GatedConnection implements Connection {

    private final Connection connection;
    private final Semaphore permits;
    private final AtomicBoolean released = new AtomicBoolean();

    GatedConnection(Connection connection, Semaphore permits) {
        this.connection = connection;
        this.permits = permits;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return connection.createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String argument) throws SQLException {
        return connection.prepareStatement(argument);
    }

    @Override
    public CallableStatement prepareCall(String argument) throws SQLException {
        return connection.prepareCall(argument);
    }

    @Override
    public String nativeSQL(String argument) throws SQLException {
        return connection.nativeSQL(argument);
    }

    @Override
    public void setAutoCommit(boolean argument) throws SQLException {
        connection.setAutoCommit(argument);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return connection.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return connection.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return connection.getMetaData();
    }

    @Override
    public void setReadOnly(boolean argument) throws SQLException {
        connection.setReadOnly(argument);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public void setCatalog(String argument) throws SQLException {
        connection.setCatalog(argument);
    }

    @Override
    public String getCatalog() throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int argument) throws SQLException {
        connection.setTransactionIsolation(argument);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return connection.getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return connection.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        connection.clearWarnings();
    }

    @Override
    public Statement createStatement(int a0, int a1) throws SQLException {
        return connection.createStatement(a0, a1);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
        return connection.prepareStatement(a0, a1, a2);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
        return connection.prepareCall(a0, a1, a2);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return connection.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> argument) throws SQLException {
        connection.setTypeMap(argument);
    }

    @Override
    public void setHoldability(int argument) throws SQLException {
        connection.setHoldability(argument);
    }

    @Override
    public int getHoldability() throws SQLException {
        return connection.getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return connection.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String argument) throws SQLException {
        return connection.setSavepoint(argument);
    }

    @Override
    public void rollback(Savepoint argument) throws SQLException {
        connection.rollback(argument);
    }

    @Override
    public void releaseSavepoint(Savepoint argument) throws SQLException {
        connection.releaseSavepoint(argument);
    }

    @Override
    public Statement createStatement(int a0, int a1, int a2) throws SQLException {
        return connection.createStatement(a0, a1, a2);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
        return connection.prepareStatement(a0, a1, a2, a3);
    }

    @Override
    public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
        return connection.prepareCall(a0, a1, a2, a3);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
        return connection.prepareStatement(a0, a1);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
        return connection.prepareStatement(a0, a1);
    }

    @Override
    public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
        return connection.prepareStatement(a0, a1);
    }

    @Override
    public Clob createClob() throws SQLException {
        return connection.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return connection.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return connection.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return connection.createSQLXML();
    }

    @Override
    public boolean isValid(int argument) throws SQLException {
        return connection.isValid(argument);
    }

    @Override
    public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
        connection.setClientInfo(a0, a1);
    }

    @Override
    public void setClientInfo(Properties argument) throws SQLClientInfoException {
        connection.setClientInfo(argument);
    }

    @Override
    public String getClientInfo(String argument) throws SQLException {
        return connection.getClientInfo(argument);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return connection.getClientInfo();
    }

    @Override
    public Array createArrayOf(String a0, Object[] a1) throws SQLException {
        return connection.createArrayOf(a0, a1);
    }

    @Override
    public Struct createStruct(String a0, Object[] a1) throws SQLException {
        return connection.createStruct(a0, a1);
    }

    @Override
    public void setSchema(String argument) throws SQLException {
        connection.setSchema(argument);
    }

    @Override
    public String getSchema() throws SQLException {
        return connection.getSchema();
    }

    @Override
    public void abort(Executor argument) throws SQLException {
        connection.abort(argument);
    }

    @Override
    public void setNetworkTimeout(Executor a0, int a1) throws SQLException {
        connection.setNetworkTimeout(a0, a1);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return connection.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        connection.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        connection.endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a0, ShardingKey a1, int a2) throws SQLException {
        return connection.setShardingKeyIfValid(a0, a1, a2);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey a0, int a1) throws SQLException {
        return connection.setShardingKeyIfValid(a0, a1);
    }

    @Override
    public void setShardingKey(ShardingKey a0, ShardingKey a1) throws SQLException {
        connection.setShardingKey(a0, a1);
    }

    @Override
    public void setShardingKey(ShardingKey argument) throws SQLException {
        connection.setShardingKey(argument);
    }

    @Override
    public <T> T unwrap(Class<T> argument) throws SQLException {
        return connection.unwrap(argument);
    }

    @Override
    public boolean isWrapperFor(Class<?> argument) throws SQLException {
        return connection.isWrapperFor(argument);
    }
}
