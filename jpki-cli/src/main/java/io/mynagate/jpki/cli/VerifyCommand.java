package io.mynagate.jpki.cli;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.mynagate.jpki.pem.MalformedPemException;
import io.mynagate.jpki.pem.PemCertificates;
import io.mynagate.jpki.validation.CertificateValidator;
import io.mynagate.jpki.validation.CertificateValidatorBuilder;
import io.mynagate.jpki.validation.CrlSourceBuilder;
import io.mynagate.jpki.validation.OcspSourceBuilder;
import io.mynagate.jpki.validation.RequiredProfile;
import io.mynagate.jpki.validation.RevocationSource;
import io.mynagate.jpki.validation.RevocationSources;
import io.mynagate.jpki.validation.ValidationResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpki verify CERT}: the identity provider's certificate validation, from the command line. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Validate a certificate: path to the trust anchors, JPKI profile, revocation.",
                "証明書を検証します（トラストアンカーへのパス、JPKIプロファイル、失効）。",
                "Exit status: 0 valid, 1 invalid (reason on stdout), 2 usage or input error."})
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CERT", description = "End-entity certificate (PEM or DER).")
    private Path certificate;

    @Option(names = "--trust", paramLabel = "PEM", required = true,
            description = "Trust anchor certificate(s); repeatable.")
    private List<Path> trust = new ArrayList<>();

    @Option(names = "--intermediate", paramLabel = "PEM", description = "Intermediate CA certificate(s); repeatable.")
    private List<Path> intermediates = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "FILE|URL", description = "CRL file or http(s) URL; repeatable.")
    private List<String> crls = new ArrayList<>();

    @Option(names = "--ocsp", paramLabel = "URL|aia", defaultValue = "aia",
            description = "OCSP responder URL, or 'aia' for the certificate's authorityInfoAccess (default).")
    private String ocsp;

    @Option(names = "--revocation", paramLabel = "ocsp|crl|ocsp,crl|none", defaultValue = "ocsp,crl",
            description = "Revocation sources in order (default ocsp,crl; crl needs --crl).")
    private String revocation;

    @Option(names = "--profile", paramLabel = "auth|sign|any", defaultValue = "auth",
            description = "auth: user-authentication certificate (default); sign: signature certificate; "
                    + "any: plain RFC 5280 path validation.")
    private String profile;

    @Option(names = "--at", paramLabel = "ISO-8601-instant",
            description = "Validation time, e.g. 2026-01-31T00:00:00Z (default: now).")
    private Instant at;

    @Option(names = "--allow-test-roots", description = "Accept O=JPKI-TEST roots (test cards only).")
    private boolean allowTestRoots;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        try {
            List<X509Certificate> subject = certificates(certificate);
            List<X509Certificate> path = new ArrayList<>(subject.subList(1, subject.size()));
            for (Path file : intermediates) {
                path.addAll(certificates(file));
            }
            CertificateValidator validator = validator();
            ValidationResult result = validator.validate(subject.get(0), path, at != null ? at : Instant.now());
            spec.commandLine().getOut().println(json ? toJson(result) : toText(result));
            return result.isValid() ? JpkiCli.VALID : JpkiCli.INVALID;
        } catch (InputException | IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("jpki verify: " + e.getMessage());
            return JpkiCli.USAGE;
        }
    }

    private CertificateValidator validator() throws InputException {
        CertificateValidatorBuilder builder = CertificateValidator.builder().profile(requiredProfile());
        for (Path file : trust) {
            builder.trustAnchors(certificates(file));
        }
        if (allowTestRoots) {
            builder.allowTestRoots();
        }
        RevocationSource source = revocationSource();
        return (source == null ? builder.withoutRevocationChecking() : builder.revocationSource(source)).build();
    }

    private static List<X509Certificate> certificates(Path file) throws InputException {
        try {
            return PemCertificates.read(file);
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (MalformedPemException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private RequiredProfile requiredProfile() throws InputException {
        switch (profile.toLowerCase(Locale.ROOT)) {
            case "auth": return RequiredProfile.AUTHENTICATION;
            case "sign": return RequiredProfile.SIGNATURE;
            case "any": return RequiredProfile.ANY_SKIPPING_JPKI_PROFILE_CHECKS;
            default: throw new InputException("--profile must be auth, sign or any, not '" + profile + "'");
        }
    }

    /** @return the configured source, or {@code null} for {@code --revocation none} */
    private RevocationSource revocationSource() throws InputException {
        String mode = revocation.toLowerCase(Locale.ROOT).replace(" ", "");
        switch (mode) {
            case "none":
                return null;
            case "ocsp":
                return ocspSource();
            case "crl":
                if (crls.isEmpty()) {
                    throw new InputException("--revocation crl needs at least one --crl");
                }
                return crlSource();
            case "ocsp,crl":
                return crls.isEmpty() ? ocspSource()
                        : RevocationSources.firstAvailable(List.of(ocspSource(), crlSource()));
            default:
                throw new InputException("--revocation must be ocsp, crl, ocsp,crl or none, not '" + revocation + "'");
        }
    }

    private RevocationSource ocspSource() throws InputException {
        OcspSourceBuilder builder = RevocationSources.ocsp();
        if (!"aia".equalsIgnoreCase(ocsp)) {
            builder.responderUrl(httpUrl(ocsp, "--ocsp"));
        }
        return builder.build();
    }

    private RevocationSource crlSource() throws InputException {
        CrlSourceBuilder builder = RevocationSources.crl();
        for (String crl : crls) {
            String lower = crl.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                builder.url(httpUrl(crl, "--crl"));
            } else {
                Path file = Path.of(crl);
                if (!Files.isReadable(file)) {
                    throw new InputException("cannot read CRL file " + crl);
                }
                builder.file(file);
            }
        }
        return builder.build();
    }

    private static URI httpUrl(String value, String option) throws InputException {
        try {
            URI uri = new URI(value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new InputException(option + " needs an http(s) URL, not '" + value + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InputException(option + " is not a URL: '" + value + "'", e);
        }
    }

    static String toText(ValidationResult result) {
        StringBuilder text = new StringBuilder(result.isValid() ? "VALID" : "INVALID " + result.reason())
                .append(": ").append(result.message());
        result.evidence().ifPresent(e -> text.append(System.lineSeparator()).append("evidence: ").append(e.describe()));
        return text.toString();
    }

    static String toJson(ValidationResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", result.isValid());
        json.put("reason", result.reason().name());
        json.put("message", result.message());
        result.evidence().ifPresent(e -> json.put("evidence", e.toMap()));
        return JSONObjectUtils.toJSONString(json);
    }
}
