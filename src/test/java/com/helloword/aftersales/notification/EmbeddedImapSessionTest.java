package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.SocketFactory;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The embedded IMAP server (the embedded default's support mailbox) and clients that go away without
 * LOGOUT: a session the client abandoned must end and leave no thread running, and the server must go on
 * serving the next client. GreenMail before 2.1.13 kept the handler of such a session looping on
 * "End of stream" at full speed until the server stopped.
 */
class EmbeddedImapSessionTest {

    private static final String SUPPORT = "support@helloword.example";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    GreenMail server;

    @BeforeEach
    void start() {
        server = new EmbeddedSmtpServer().embeddedSmtp(0, 0);
        server.start();
        server.setUser(SUPPORT, SUPPORT, "any");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Hands Jakarta Mail its sockets and keeps them, so the test can cut one as a crashed client would. */
    static final class KeptSockets extends SocketFactory {

        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        private Socket keep(Socket socket) {
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket() {
            return keep(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return keep(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return keep(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return keep(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return keep(new Socket(address, port, localAddress, localPort));
        }
    }

    private Store imapClient(SocketFactory sockets) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        if (sockets != null) {
            properties.put("mail.imap.socketFactory", sockets);
            properties.put("mail.imap.socketFactory.fallback", "false");
        }
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), SUPPORT, "any");
        return store;
    }

    /** GreenMail names a session's thread {@code imap:<address>:<port><-/<client address>:<client port>}. */
    private List<Thread> sessionThreads(int clientPort) {
        String name = server.getImap().getName() + "<-/127.0.0.1:" + clientPort;
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .filter(Thread::isAlive).toList();
    }

    private static long cpuNanos(List<Thread> threads) {
        return threads.stream().mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
    }

    /**
     * Waits up to 3 s for the session's thread to end; then measures, over one more second, the CPU time of
     * whatever thread of that session is left.
     */
    private void assertTheAbandonedSessionCostsNothing(int clientPort) throws InterruptedException {
        List<Thread> left = sessionThreads(clientPort);
        for (int i = 0; i < 30 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = sessionThreads(clientPort);
        }
        long before = cpuNanos(left);
        Thread.sleep(1000);
        long spent = cpuNanos(left) - before;

        assertThat(spent / 1_000_000).as("CPU ms spent in one second by the abandoned session's thread")
                .isLessThan(20);
        assertThat(sessionThreads(clientPort)).as("threads of the abandoned IMAP session").isEmpty();
    }

    private void assertANormalClientIsStillServed() throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress("kim@marketplace.amazon.com"));
        mail.setRecipients(Message.RecipientType.TO, SUPPORT);
        mail.setSubject("Still there?");
        mail.setText("Hello");
        mail.saveChanges();
        server.getUserManager().getUserByEmail(SUPPORT).deliver(mail);

        Store store = imapClient(null);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(inbox.getMessageCount()).getSubject()).isEqualTo("Still there?");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void aClientThatDropsItsConnectionWithoutLogoutLeavesNoThreadRunning() throws Exception {
        KeptSockets sockets = new KeptSockets();
        Store store = imapClient(sockets);
        store.getFolder("INBOX").open(Folder.READ_ONLY);
        Socket socket = sockets.sockets.get(0);
        int clientPort = socket.getLocalPort();
        assertThat(sessionThreads(clientPort)).as("the session's thread while the client is connected").hasSize(1);

        socket.close(); // the client process dies: no LOGOUT, the connection just closes

        assertTheAbandonedSessionCostsNothing(clientPort);
        assertANormalClientIsStillServed();
    }

    @Test
    void aConnectionResetAfterLoginLeavesNoThreadRunning() throws Exception {
        Socket socket = new Socket("127.0.0.1", server.getImap().getPort());
        socket.setSoTimeout(5000);
        int clientPort = socket.getLocalPort();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(in.readLine()).startsWith("* OK");
        OutputStream out = socket.getOutputStream();
        out.write("a1 LOGIN support@helloword.example any\r\na2 SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.startsWith("a2 "));
        assertThat(line).startsWith("a2 OK");

        socket.setSoLinger(true, 0);
        socket.close(); // a reset (RST instead of FIN), as when the client's network goes away

        assertTheAbandonedSessionCostsNothing(clientPort);
        assertANormalClientIsStillServed();
    }
}
