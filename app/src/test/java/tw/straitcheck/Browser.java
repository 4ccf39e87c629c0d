package tw.straitcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the journey tests: Debian's headless Chromium driven by its ChromeDriver
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; .ci/run installs both and a Chinese
 * font). Where they are missing the browser tests are skipped, except when
 * {@code STRAITCHECK_REQUIRE_BROWSER=1} (set by .ci/run), where they fail.
 *
 * <pre>
 * try (Browser browser = Browser.open(server.getURL().toString())) {
 *     browser.logIn("school-user@...", TestAccounts.PASSWORD);
 *     browser.go("/school/check");
 *     browser.type("activity.title", "...");   // by name
 *     browser.click("button[type=submit]");    // by CSS selector
 *     browser.screenshot("school-check");      // docs/screenshots/school-check-zh-TW.png
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("straitcheck.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("straitcheck.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final String base;
    private String language = "zh-TW";

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A fresh browser (no cookies) on the server's base URL. */
    public static Browser open(String baseUrl) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && !"1".equals(System.getenv("STRAITCHECK_REQUIRE_BROWSER"))) {
            Assumptions.abort("no Chromium at " + CHROMIUM + " or no driver at " + DRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-wqy-microhei (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1000", "--lang=zh-TW");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the server. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Switches the pages' language (zh-TW or en) with the pages' own switch, on the current page. */
    public Browser language(String lang) {
        String current = driver.getCurrentUrl();
        driver.get(current + (current.contains("?") ? "&" : "?") + "lang=" + lang);
        language = lang;
        return this;
    }

    public Browser logIn(String username, String password) {
        go("/login");
        type("username", username);
        type("password", password);
        WebElement loginPage = find("html");
        click("main button[type=submit]");
        // the next page, not the login page still showing while the browser waits for the answer
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(loginPage));
        return this;
    }

    public Browser logOut() {
        click("header.top form[action='/logout'] button");
        return this;
    }

    /** The field by its name (or id), cleared and typed into. */
    public Browser type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public WebElement field(String name) {
        List<WebElement> byName = driver.findElements(By.name(name));
        return byName.isEmpty() ? driver.findElement(By.id(name)) : byName.get(0);
    }

    /**
     * Clicks the element; when the click loads a page (a link, or a button that sends its form),
     * waits until the new page has replaced the old one, so the next look is at the new page, also
     * on a loaded machine.
     */
    public Browser click(String css) {
        WebElement element = find(css);
        boolean loadsPage = loadsPage(element);
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (loadsPage) {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.or(ExpectedConditions.stalenessOf(page), ExpectedConditions.alertIsPresent()));
            wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        }
        return this;
    }

    private static boolean loadsPage(WebElement element) {
        String tag = element.getTagName();
        if ("a".equals(tag)) {
            String href = element.getAttribute("href");
            return href != null && !href.contains("#") && element.getAttribute("download") == null;
        }
        boolean submits = ("button".equals(tag) && !"button".equals(element.getAttribute("type"))
                && !"reset".equals(element.getAttribute("type")))
                || ("input".equals(tag) && "submit".equals(element.getAttribute("type")));
        return submits && element.getDomProperty("form") != null && element.getAttribute("data-confirm") == null;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the page's main part. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits for the page a click loads (a compile or the corpus takes seconds) to show the text; at most 3 minutes. */
    public Browser shows(String text) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (text().contains(text)) {
                    return this;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException loading) {
                // the page is being replaced: read it again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page does not show \"" + text + "\": " + text());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /**
     * A full-page screenshot under docs/screenshots/, named {@code <name>-<language>.png}, for the
     * README and for reading the pages as a user would.
     */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 700), 6000)));
        driver.executeScript("window.scrollTo(0, 0)");
        try {
            Path target = ProjectFiles.root().resolve("docs/screenshots").resolve(name + "-" + language + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
