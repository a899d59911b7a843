package io.mynagate.gateway.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority (P-256, Bouncy Castle) that writes PEM files for TLS tests:
 * its own certificate, server certificates for chosen DNS names, client certificates. No
 * {@code openssl} needed.
 */
public final class TestCa {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String name;
  private final KeyPair key;
  private final X509Certificate certificate;

  /** A certificate and its private key, as PEM files. */
  public record PemFiles(Path certFile, Path keyFile) {}

  private TestCa(String name) {
    this.name = name;
    this.key = newKey();
    X500Name subject = new X500Name("CN=" + name);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      this.certificate = sign(new JcaX509v3CertificateBuilder(subject, serial(), notBefore(),
          notAfter(), subject, key.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              extensions.createSubjectKeyIdentifier(key.getPublic())));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestCa create(String name) {
    return new TestCa(name);
  }

  /** Writes this CA's certificate to {@code dir/<name>-ca.pem}. */
  public Path writeCertificate(Path dir) {
    return write(dir.resolve(name + "-ca.pem"), pem("CERTIFICATE", encoded(certificate)));
  }

  /**
   * A server certificate for the given host names (DNS names, or IPv4 literals such as {@code
   * 127.0.0.1}), as {@code dir/<stem>.pem} and its key.
   */
  public PemFiles issueServer(Path dir, String stem, String... hostNames) {
    GeneralName[] names = new GeneralName[hostNames.length];
    for (int i = 0; i < hostNames.length; i++) {
      boolean ip = hostNames[i].matches("[0-9]+(\\.[0-9]+){3}");
      names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, hostNames[i]);
    }
    return issue(dir, stem, hostNames[0], KeyPurposeId.id_kp_serverAuth, new GeneralNames(names));
  }

  /** A client certificate (TLS client authentication), as {@code dir/<stem>.pem} and its key. */
  public PemFiles issueClient(Path dir, String stem) {
    return issue(dir, stem, stem, KeyPurposeId.id_kp_clientAuth, null);
  }

  private PemFiles issue(Path dir, String stem, String commonName, KeyPurposeId purpose,
      GeneralNames subjectAltNames) {
    KeyPair leaf = newKey();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
          notBefore(), notAfter(), new X500Name("CN=" + commonName), leaf.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(Extension.authorityKeyIdentifier, false,
              extensions.createAuthorityKeyIdentifier(certificate));
      if (subjectAltNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
      }
      X509Certificate issued = sign(builder);
      return new PemFiles(
          write(dir.resolve(stem + ".pem"), pem("CERTIFICATE", encoded(issued))),
          write(dir.resolve(stem + ".key"), pem("PRIVATE KEY", leaf.getPrivate().getEncoded())));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
