package io.mynagate.simulator.vpcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.mynagate.simulator.card.SimulatedCard;
import io.mynagate.simulator.testing.Fixtures;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The vpcd wire protocol, against a stand-in for vpcd (no pcscd needed). */
class VpcdCardClientTest {
    private static byte[] exchange(DataInputStream in, DataOutputStream out, byte[] message) throws Exception {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
        byte[] answer = new byte[in.readUnsignedShort()];
        in.readFully(answer);
        return answer;
    }

    @Test
    void answersControlCommandsAndApdusLengthPrefixed() throws Exception {
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                VpcdCardClient client = VpcdCardClient.insert("127.0.0.1", vpcd.getLocalPort(), card);
                Socket connection = vpcd.accept()) {
            connection.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            out.write(new byte[] {0x00, 0x01, 0x01}); // power on: no answer expected
            assertThat(exchange(in, out, new byte[] {0x04})).isEqualTo(SimulatedCard.JPKI_ATR);
            byte[] select = HexFormat.of().parseHex("00A4040C0AD392F000260100000001");
            assertThat(exchange(in, out, select)).containsExactly(0x90, 0x00);
            assertThat(client.connected()).isTrue();
        }
    }

    @Test
    void resetFromVpcdForgetsVerifiedPins() throws Exception {
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                VpcdCardClient client = VpcdCardClient.insert("127.0.0.1", vpcd.getLocalPort(), card);
                Socket connection = vpcd.accept()) {
            connection.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            HexFormat hex = HexFormat.of();
            exchange(in, out, hex.parseHex("00A4040C0AD392F000260100000001"));
            exchange(in, out, hex.parseHex("00A4020C020018"));
            assertThat(exchange(in, out, hex.parseHex("0020008004" + hex.formatHex(Fixtures.PIN.getBytes()))))
                    .containsExactly(0x90, 0x00);
            out.write(new byte[] {0x00, 0x01, 0x02}); // reset
            assertThat(exchange(in, out, hex.parseHex("00A4020C020017"))).containsExactly(0x6A, 0x82);
        }
    }

    @Test
    void keepInsertedReconnectsAfterVpcdDropsTheConnection() throws Exception {
        SimulatedCard card = Fixtures.adultCard().toSimulatedCard();
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                VpcdCardClient client = VpcdCardClient.keepInserted("127.0.0.1", vpcd.getLocalPort(), card)) {
            vpcd.setSoTimeout(10_000);
            try (Socket first = vpcd.accept()) {
                first.setSoTimeout(5000);
                assertThat(exchange(new DataInputStream(first.getInputStream()),
                        new DataOutputStream(first.getOutputStream()), new byte[] {0x04})).isEqualTo(SimulatedCard.JPKI_ATR);
            }
            try (Socket second = vpcd.accept()) {
                second.setSoTimeout(5000);
                assertThat(exchange(new DataInputStream(second.getInputStream()),
                        new DataOutputStream(second.getOutputStream()), new byte[] {0x04})).isEqualTo(SimulatedCard.JPKI_ATR);
            }
        }
    }
}
