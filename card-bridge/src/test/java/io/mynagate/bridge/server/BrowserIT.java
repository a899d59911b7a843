package io.mynagate.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.mynagate.bridge.testing.SimulatedCards;
import io.mynagate.bridge.testing.TestIdentityProvider;
import io.mynagate.jpki.assertion.Purpose;
import io.mynagate.jpki.card.PinKind;
import io.mynagate.jpki.claims.ClaimName;
import io.mynagate.jpki.login.LoginExpectations;
import io.mynagate.jpki.login.VerifiedLogin;
import io.mynagate.jpki.profile.CertificateKind;
import io.mynagate.simulator.card.SimulatedCard;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole hand-off in a real browser: Debian's headless Chromium, driven through its chromedriver (paths
 * set explicitly, so that Selenium Manager never downloads anything). The test identity provider signs a
 * hand-off, the browser opens the bridge, the PIN is typed on the bridge's page, and the browser lands on
 * the return URI with an assertion in the fragment that the identity provider's {@code LoginVerifier}
 * accepts. One browser for all tests; screenshots of the pages (ja and en) go to
 * {@code target/screenshots/}. Without Chromium the test fails: it never skips.
 */
@Tag("integration")
class BrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private static TestIdentityProvider idp;
    private static ChromeDriver browser;
    private static Path profile;
    private Bridge bridge;
    private SimulatedCard card;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; scripts/test.sh installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        idp = TestIdentityProvider.start();
        profile = Files.createTempDirectory("card-bridge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1000,1250", "--lang=ja-JP");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @BeforeEach
    void startBridge() {
        bridge = Bridge.start(idp);
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
        if (card != null) {
            assertThat(card.myNumberReads()).isZero();
        }
        SimulatedCards.removeCard();
        assertThat(policyViolations()).as("the browser reported no Content-Security-Policy violation").isEmpty();
    }

    @Test
    void residentLogsInWithThePinTypedOnTheBridgesPage() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        String nonce = TestIdentityProvider.nonce();

        browser.get(handoffUrl(idp.sign(idp.handoff(Purpose.AUTH).nonce(nonce))));
        waitFor(By.id("pin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("マイナンバーカードでログイン");
        screenshot("auth-ja");
        browser.findElement(By.cssSelector("a.lang")).click();
        waitFor(By.id("pin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in with your My Number card");
        screenshot("auth-en");
        browser.findElement(By.id("pin")).sendKeys(SimulatedCards.PIN);
        browser.findElement(By.id("submit")).click();

        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation()
                .verify(landedAssertion(), LoginExpectations.auth(idp.issuer(), nonce));
        assertThat(login.certificateKind()).isEqualTo(CertificateKind.AUTHENTICATION);
        assertThat(browser.findElement(By.id("returned")).getText()).isEqualTo("Back at the identity provider");
    }

    @Test
    void residentSharesWhatShePleasesAndAnUncheckedClaimIsNotSigned() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        String nonce = TestIdentityProvider.nonce();
        List<ClaimName> requested = List.of(ClaimName.NAME, ClaimName.ADDRESS, ClaimName.BIRTHDATE, ClaimName.ageOver(20));

        browser.get(handoffUrl(idp.sign(idp.handoff(Purpose.SHARE).nonce(nonce).claims(requested))));
        waitFor(By.id("pin"));
        assertThat(browser.findElements(By.cssSelector("input[name=claim]:checked"))).hasSize(4);
        screenshot("share-ja");
        browser.findElement(By.cssSelector("a.lang")).click();
        waitFor(By.id("pin"));
        browser.findElement(By.cssSelector("label[for=claim-1]")).click();
        assertThat(browser.findElement(By.cssSelector("input[value=address]")).isSelected()).isFalse();
        screenshot("share-en");
        browser.findElement(By.id("pin")).sendKeys(SimulatedCards.PASSWORD);
        browser.findElement(By.id("submit")).click();

        String assertion = landedAssertion();
        assertThat(SignedJWT.parse(assertion).getJWTClaimsSet().getStringListClaim("approved_claims"))
                .containsExactly("name", "birthdate", "age_over_20");
        VerifiedLogin login = SimulatedCards.verifierWithoutRevocation().verify(assertion, LoginExpectations.share(
                idp.issuer(), nonce, TestIdentityProvider.CLIENT_ID, List.of("name", "address", "birthdate", "age_over_20")));
        assertThat(login.releasedClaims()).containsOnlyKeys("name", "birthdate", "age_over_20");
    }

    @Test
    void thePageShowsProgressOnceTheFormIsSent() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        browser.get(handoffUrl(idp.auth()));
        waitFor(By.id("pin")).sendKeys(SimulatedCards.PIN);
        // The browser would wait for the POST before it looks again; holding the form back shows the page as
        // the resident sees it while the card signs (a real card takes about a second).
        browser.executeScript("document.getElementById('sign-form').addEventListener('submit', e => e.preventDefault());");

        browser.findElement(By.id("submit")).click();

        WebElement progress = browser.findElement(By.id("progress"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(progress));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("submit")).isEnabled());
        assertThat(progress.getText()).isEqualTo("カードで署名しています。カードをカードリーダーから離さないでください…");
        screenshot("signing-ja");
        assertThat(card.signatures()).isZero();
    }

    @Test
    void aWrongPinLeavesOneTryWhichTheResidentMustConfirm() throws Exception {
        card = SimulatedCards.insert(SimulatedCards.adult());
        SimulatedCards.spendTries(card, PinKind.AUTHENTICATION, 1);
        String nonce = TestIdentityProvider.nonce();
        browser.get(handoffUrl(idp.sign(idp.handoff(Purpose.AUTH).nonce(nonce))));
        waitFor(By.id("pin")).sendKeys("9999");
        browser.findElement(By.id("submit")).click();

        waitFor(By.id("confirm-last-try"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("暗証番号が違います。残り回数は1回です。");
        assertThat(browser.findElement(By.id("pin")).getAttribute("value")).isEmpty();
        screenshot("last-try-ja");
        browser.findElement(By.cssSelector("label[for=confirm-last-try]")).click();
        browser.findElement(By.id("pin")).sendKeys(SimulatedCards.PIN);
        browser.findElement(By.id("submit")).click();

        SimulatedCards.verifierWithoutRevocation().verify(landedAssertion(), LoginExpectations.auth(idp.issuer(), nonce));
        assertThat(SimulatedCards.triesLeft(card, PinKind.AUTHENTICATION)).isEqualTo(3);
    }

    @Test
    void withoutACardThePageSaysWhatToDoAndCheckingAgainShowsTheForm() throws Exception {
        SimulatedCards.removeCard();
        browser.get(handoffUrl(idp.auth()));
        waitFor(By.id("retry"));
        assertThat(browser.findElement(By.id("card-problem")).getText()).startsWith("マイナンバーカードが見つかりません");
        screenshot("no-card-ja");

        card = SimulatedCards.insert(SimulatedCards.adult());
        browser.findElement(By.id("retry")).click();

        assertThat(waitFor(By.id("pin")).isDisplayed()).isTrue();
    }

    @Test
    void aRefusedRequestSaysWhyInTheResidentsLanguage() throws Exception {
        Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);

        browser.get(handoffUrl(idp.sign(idp.handoff(Purpose.AUTH).clock(tenMinutesAgo))));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("この要求はお受けできません");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).isEqualTo("要求の有効期限が切れています。");
        screenshot("refusal-ja");
        browser.get(handoffUrl(idp.sign(idp.handoff(Purpose.AUTH).clock(tenMinutesAgo))) + "&lang=en");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("This request cannot be accepted");
        screenshot("refusal-en");
    }

    private String handoffUrl(String jws) {
        return bridge.origin() + "/handoff?request=" + jws;
    }

    private static WebElement waitFor(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** Waits for the browser to land on the return URI and takes the assertion from the URL fragment. */
    private static String landedAssertion() {
        String prefix = idp.returnUri() + "#assertion=";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("#assertion="));
        String url = browser.getCurrentUrl();
        assertThat(url).startsWith(prefix);
        return url.substring(prefix.length());
    }

    private static void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .collect(Collectors.toList());
    }
}
