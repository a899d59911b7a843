package io.mynagate.gateway.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throwaway certificate authority for TLS tests: a CA and server certificates for chosen host
 * names, written as PEM files into a directory. EC P-256, so making them is quick.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  private final X509CertificateHolder caCert;

  /**
   * @param dir where the PEM files go
   * @param name the CA's common name, also the prefix of its files
   */
  public TestPki(Path dir, String name) {
    this.dir = dir;
    this.name = name;
    this.caKeys = newKeyPair();
    X500Name subject = new X500Name("CN=" + name);
    this.caCert = sign(new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(),
        subject, caKeys.getPublic()), true, null);
    write(caFile(), caCert);
  }

  /** @return the CA certificate, PEM */
  public Path caFile() {
    return dir.resolve(name + "-ca.pem");
  }

  /**
   * Issues a server certificate.
   *
   * @param hostName the DNS name or IP address it is for (subjectAltName)
   * @return the certificate and key files
   */
  public ServerCert server(String hostName) {
    KeyPair keys = newKeyPair();
    X500Name subject = new X500Name("CN=" + hostName);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        new X500Name("CN=" + name), serial(), notBefore(), notAfter(), subject,
        keys.getPublic());
    int type = hostName.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName;
    X509CertificateHolder cert = sign(builder, false, new GeneralNames(
        new GeneralName(type, hostName)));
    String base = name + "-" + hostName.replace(':', '_');
    Path certFile = dir.resolve(base + ".crt.pem");
    Path keyFile = dir.resolve(base + ".key.pem");
    write(certFile, cert);
    // PKCS#8, as "-----BEGIN PRIVATE KEY-----".
    write(keyFile, new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()));
    return new ServerCert(certFile, keyFile);
  }

  /** A server's certificate and unencrypted PKCS#8 key, PEM. */
  public record ServerCert(Path certFile, Path keyFile) {}

  private X509CertificateHolder sign(JcaX509v3CertificateBuilder builder, boolean ca,
      GeneralNames altNames) {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
          ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (altNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      return builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
          .build(caKeys.getPrivate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.writeString(file, out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }
}
