package org.devicedesk.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.FileInputStream;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.devicedesk.core.Role;
import org.devicedesk.directory.DirectoryConfig.Security;

/**
 * A real LDAP server over a socket for tests: UnboundID's in-memory directory on free loopback ports
 * (plain/StartTLS and LDAPS, TLS with a self-signed certificate made here), laid out as Active
 * Directory lays out an office: users with sAMAccountName, userAccountControl and memberOf, groups
 * with member, nested groups both ways (memberOf on a group; a group that is only a member of another).
 */
final class TestDirectory implements AutoCloseable {
    static final String BASE = "DC=office,DC=test";
    static final String STAFF_OU = "OU=Staff," + BASE;
    static final String GROUPS_OU = "OU=Groups," + BASE;
    static final String SERVICE_DN = "CN=svc-devicedesk,OU=Service," + BASE;
    static final String SERVICE_PASSWORD = "service-secret-1";
    static final String PASSWORD = "Directory-Pass-1";
    static final String ADMINS = "CN=DD-Admins," + GROUPS_OU;
    static final String HELPDESK = "CN=DD-Helpdesk," + GROUPS_OU;
    static final String IT_SUPPORT = "CN=IT Support," + GROUPS_OU;
    static final String ALL_STAFF = "CN=All Staff," + GROUPS_OU;
    static final String FINANCE = "CN=Finance," + GROUPS_OU;
    static final String SOCIAL = "CN=Social Club," + GROUPS_OU;

    final InMemoryDirectoryServer server;
    final Path dir;
    final Path trustPem;
    final Path servicePasswordFile;

    private TestDirectory(InMemoryDirectoryServer server, Path dir, Path trustPem) throws Exception {
        this.server = server;
        this.dir = dir;
        this.trustPem = trustPem;
        this.servicePasswordFile = dir.resolve("bind-password");
        Files.writeString(servicePasswordFile, SERVICE_PASSWORD + "\n");
    }

    static TestDirectory start() {
        try {
            Path dir = Files.createTempDirectory("devicedesk-ldap");
            ObjectPair<File, char[]> ks = selfSignedCertificate(dir);
            SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(ks.getFirst(), ks.getSecond(), "PKCS12", null), new TrustAllTrustManager());
            SSLUtil clientSsl = new SSLUtil(new TrustAllTrustManager());
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setSchema(null); // AD's attributes (sAMAccountName, userAccountControl, memberOf) without AD's schema
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("LDAP", loopback, 0, serverSsl.createSSLSocketFactory()), // plain and StartTLS
                    InMemoryListenerConfig.createLDAPSConfig("LDAPS", loopback, 0, serverSsl.createSSLServerSocketFactory(), clientSsl.createSSLSocketFactory()));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.startListening();
            Path pem = dir.resolve("office-ca.pem");
            Files.writeString(pem, pem(ks.getFirst(), ks.getSecond()));
            TestDirectory d = new TestDirectory(server, dir, pem);
            d.load();
            return d;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test directory", e);
        }
    }

    /** A self-signed certificate for localhost and 127.0.0.1, made here with the SDK's own certificate tool. */
    private static ObjectPair<File, char[]> selfSignedCertificate(Path dir) {
        File keystore = dir.resolve("server.p12").toFile();
        String pin = "test-keystore-pin";
        var rc = ManageCertificates.main(null, java.io.OutputStream.nullOutputStream(), System.err, "generate-self-signed-certificate",
                "--keystore", keystore.getPath(), "--keystore-password", pin, "--keystore-type", "PKCS12", "--alias", "server-cert",
                "--subject-dn", "CN=localhost", "--subject-alternative-name-dns", "localhost", "--subject-alternative-name-ip-address", "127.0.0.1");
        if (rc != com.unboundid.ldap.sdk.ResultCode.SUCCESS) throw new IllegalStateException("could not make the test certificate: " + rc);
        return new ObjectPair<>(keystore, pin.toCharArray());
    }

    private static String pem(File keystore, char[] pin) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore)) {
            ks.load(in, pin);
        }
        String alias = ks.aliases().nextElement();
        byte[] der = ks.getCertificate(alias).getEncoded();
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private void load() throws Exception {
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: office");
        for (String ou : new String[] {"Staff", "Groups", "Service"}) {
            server.add("dn: OU=" + ou + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + ou);
        }
        server.add("dn: " + SERVICE_DN, "objectClass: top", "objectClass: person", "cn: svc-devicedesk", "sn: service",
                "userPassword: " + SERVICE_PASSWORD);
        // groups: DD-Helpdesk contains IT Support (AD writes memberOf on the nested group too);
        // All Staff contains Finance only through member (no memberOf anywhere), as groupOfNames chains are
        group(ADMINS, null);
        group(HELPDESK, null);
        group(IT_SUPPORT, HELPDESK);
        group(ALL_STAFF, null);
        group(FINANCE, null);
        group(SOCIAL, null);
        addMember(HELPDESK, IT_SUPPORT);
        addMember(ALL_STAFF, FINANCE);
        user("aadmin", "Alice Admin", "alice.admin@office.test", "ICT", "E100", null, false, ADMINS);
        user("hhelp", "Harry Helpdesk", "harry.helpdesk@office.test", "ICT", "E101", dn("aadmin"), false, IT_SUPPORT);
        user("sstaff", "Sam Staff", "sam.staff@office.test", "Policy", "E102", dn("aadmin"), false, ALL_STAFF);
        userNoMemberOf("ffinance", "Fiona Finance", "fiona.finance@office.test", "Finance", "E103", dn("aadmin"), FINANCE);
        user("ddisabled", "Dana Disabled", "dana.disabled@office.test", "Policy", "E104", null, true, ALL_STAFF);
        user("nnogroup", "Nora Nogroup", "nora.nogroup@office.test", "Policy", "E105", null, false, SOCIAL);
    }

    static String dn(String sam) {
        return "CN=" + sam + "," + STAFF_OU;
    }

    private void group(String dn, String memberOf) throws Exception {
        String cn = dn.substring(3, dn.indexOf(','));
        if (memberOf == null) server.add("dn: " + dn, "objectClass: top", "objectClass: group", "cn: " + cn);
        else server.add("dn: " + dn, "objectClass: top", "objectClass: group", "cn: " + cn, "memberOf: " + memberOf);
    }

    void addMember(String group, String member) throws Exception {
        server.modify(group, new Modification(ModificationType.ADD, "member", member));
    }

    /** An AD user: memberOf written on the user (as AD computes it) and member on the group. */
    void user(String sam, String name, String mail, String department, String employeeId, String manager, boolean disabled, String group) throws Exception {
        userNoMemberOf(sam, name, mail, department, employeeId, manager, null);
        server.modify(dn(sam), new Modification(ModificationType.REPLACE, "userAccountControl", disabled ? "514" : "512"));
        if (group != null) {
            server.modify(dn(sam), new Modification(ModificationType.ADD, "memberOf", group));
            addMember(group, dn(sam));
        }
    }

    /** A user found in a group only through the group's member attribute. */
    void userNoMemberOf(String sam, String name, String mail, String department, String employeeId, String manager, String group) throws Exception {
        java.util.List<Attribute> a = new java.util.ArrayList<>(java.util.List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"), new Attribute("cn", sam),
                new Attribute("sn", name.substring(name.indexOf(' ') + 1)), new Attribute("sAMAccountName", sam),
                new Attribute("userPrincipalName", sam + "@office.test"), new Attribute("displayName", name),
                new Attribute("mail", mail), new Attribute("department", department), new Attribute("employeeID", employeeId),
                new Attribute("userPassword", PASSWORD), new Attribute("userAccountControl", "512")));
        if (manager != null) a.add(new Attribute("manager", manager));
        server.add(new com.unboundid.ldap.sdk.Entry(dn(sam), a));
        if (group != null) addMember(group, dn(sam));
    }

    void replace(String sam, String attribute, String value) throws Exception {
        server.modify(dn(sam), new Modification(ModificationType.REPLACE, attribute, value));
    }

    void delete(String sam) throws Exception {
        server.delete(dn(sam));
    }

    int port(Security security) {
        return security == Security.LDAPS ? server.getListenPort("LDAPS") : server.getListenPort("LDAP");
    }

    static Map<String, Set<Role>> mapping() {
        Map<String, Set<Role>> m = new LinkedHashMap<>();
        m.put(ADMINS, EnumSet.of(Role.ADMIN, Role.STAFF));
        m.put(HELPDESK, EnumSet.of(Role.HELPDESK, Role.STAFF));
        m.put(ALL_STAFF, EnumSet.of(Role.STAFF));
        return m;
    }

    /** Settings for this directory: trusted through the PEM file, the service password in a file, sign-in on. */
    DirectoryConfig config(Security security) {
        return new DirectoryConfig(true, "localhost", port(security), security, BASE, "(objectClass=person)", "sAMAccountName", SERVICE_DN,
                "", servicePasswordFile.toString(), security == Security.PLAIN ? "" : trustPem.toString(), GROUPS_OU,
                "userAccountControl", "", 10, mapping());
    }

    @Override
    public void close() {
        server.shutDown(true);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
