package dev.gofer.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free-port picking and an early, readable check that fixed ports are not taken. */
final class Ports {

    private Ports() {
    }

    /** {@code count} distinct free ports on the loopback interface (all held open until all are picked). */
    static int[] free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new LocalStackException("cannot find free ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is still usable
                }
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with one message naming every taken port and what it is for. */
    static void requireFree(List<String> usages, List<Integer> ports) {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            if (!isFree(ports.get(i))) {
                taken.add(ports.get(i) + " (" + usages.get(i) + ")");
            }
        }
        if (!taken.isEmpty()) {
            throw new LocalStackException("port(s) already in use: " + String.join(", ", taken)
                    + ". Is a local stack already running? Stop it with deploy/local/down.sh, or use other ports.");
        }
    }
}
