package dev.rollout.worker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.worker.EngineTest;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard page in a real headless browser against the running engine, with a simulated fleet
 * and a rollout started through Temporal. Keeps a screenshot in {@code target/dashboard.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT extends EngineTest {

  @Autowired WorkflowClient client;
  private ChromeDriver browser;

  @BeforeAll
  void startBrowser(@TempDir Path profile) throws Exception {
    browser = HeadlessChromium.start(profile.resolve("chromium"));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void showsTheFleetChartTheRolloutWithItsPhasesAndAFailureReason() throws Exception {
    String id = DashboardScenario.start(client, dataSource, "dash-ui", "3.4.0");

    browser.get(url("/dashboard/#token=" + adminToken()).toString());
    // the fleet is read again at most every 15 s
    waitUpTo(Duration.ofSeconds(40))
        .until(b -> chartLabels().containsAll(List.of("dash-ui-a", "dash-ui-b")));
    // found after the long wait: the page re-renders its cards every few seconds
    WebElement card = awaitCard(id, c -> c.getText().contains("LOW_BATTERY"));

    assertThat(card.getDomAttribute("data-state")).isEqualTo("RUNNING");
    List<String> phases =
        card.findElements(By.cssSelector(".phase-name")).stream().map(WebElement::getText).toList();
    assertThat(phases).containsExactly("canary", "everyone");
    assertThat(card.getText()).contains("INSTALL_FAILED 6", "PASS", "80 of 100 assigned");
    assertThat(card.findElements(By.cssSelector("button[data-action=pause]"))).hasSize(1);
    assertThat(card.findElements(By.cssSelector("button[data-action=resume]"))).isEmpty();
    assertThat(card.findElements(By.cssSelector("button[data-action=rollback]"))).hasSize(1);
    String support = browser.findElement(By.id("support")).getText();
    assertThat(support).contains("MAX_ATTEMPTS", "INSTALL_FAILED", "flash write failed", id);
    assertThat(browser.executeScript("return sessionStorage.getItem('rollout.dashboard.token')"))
        .isEqualTo(adminToken());
    assertThat(browser.getCurrentUrl()).doesNotContain("token");
    screenshot();
  }

  @Test
  void pausesTheRolloutFromItsPauseButton() throws Exception {
    String id = DashboardScenario.start(client, dataSource, "dash-pause", "3.5.0");
    browser.get(url("/dashboard/#token=" + adminToken()).toString());
    WebElement card = awaitCard(id, c -> true);

    card.findElement(By.cssSelector("input.reason")).sendKeys("checking the failures");
    card.findElement(By.cssSelector("button[data-action=pause]")).click();

    awaitCard(id, c -> "PAUSED".equals(c.getDomAttribute("data-state")));
    assertThat(browser.findElement(By.id("status")).getText()).contains("PAUSED");
    WebElement paused = awaitCard(id, c -> c.getText().contains("checking the failures"));
    assertThat(paused.findElements(By.cssSelector("button[data-action=resume]"))).hasSize(1);
    assertThat(paused.findElements(By.cssSelector("button[data-action=pause]"))).isEmpty();
  }

  private WebElement awaitCard(String rolloutId, java.util.function.Predicate<WebElement> ready) {
    By card = By.cssSelector("article[data-rollout='" + rolloutId + "']");
    return waitUpTo(Duration.ofSeconds(40))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            b -> {
              List<WebElement> found = b.findElements(card);
              return !found.isEmpty() && ready.test(found.get(0)) ? found.get(0) : null;
            });
  }

  @SuppressWarnings("unchecked")
  private List<String> chartLabels() {
    Object labels =
        browser.executeScript(
            "const c = window.Chart && Chart.getChart(document.getElementById('fleet-chart'));"
                + " return c ? c.data.labels : [];");
    return (List<String>) labels;
  }

  private WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(browser, timeout, Duration.ofMillis(250));
  }

  private void screenshot() throws Exception {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
