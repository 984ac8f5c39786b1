package com.helloword.aftersales.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Browser;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The buyer's return pages on a phone, in a real browser: Debian's headless Chromium emulating a 390 px wide
 * phone opens the return form a store links to and the signed confirmation link of a mail, in German and in
 * right-to-left Arabic. Each page is headed by the store's name, nothing is wider than the screen (also an order
 * number of 48 characters), every field and button is at least 44 px high (a finger, not a mouse pointer), every
 * field has its label, and a tap on a choice's words selects it. Screenshots of each page go to
 * {@code target/browser-test/buyer-phone-*}. Runs in CI; elsewhere skipped when Chromium is missing.
 */
@IntegrationTest
@Tag("browser")
class BuyerPagesOnPhoneBrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final String ORDER_COLUMNS = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
            + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
            + "batch,quantity,unit_price\n";
    /**
     * What the page measures: is anything wider than the screen, which controls are smaller than a fingertip, which
     * fields have no label, and the store heading.
     */
    private static final String MEASURE = """
            const visible = e => e.offsetParent !== null && e.type !== 'hidden';
            const controls = [...document.querySelectorAll('input, select, textarea, button')].filter(visible);
            return {
              innerWidth: window.innerWidth,
              scrollWidth: document.documentElement.scrollWidth,
              widest: Math.max(...[...document.body.querySelectorAll('*')].map(e => e.getBoundingClientRect().right)),
              dir: document.documentElement.dir,
              store: (document.querySelector('.store') || {}).textContent || null,
              controls: controls.length,
              small: controls.filter(e => e.type !== 'radio' && e.type !== 'checkbox')
                  .filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML),
              smallChoices: controls.filter(e => e.type === 'radio' || e.type === 'checkbox')
                  .filter(e => e.closest('label').getBoundingClientRect().height < 44).map(e => e.outerHTML),
              unlabelled: controls.filter(e => e.tagName !== 'BUTTON')
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-labelledby')).map(e => e.outerHTML),
              fontSize: Math.min(...[document.body, ...controls.filter(e => e.type !== 'radio' && e.type !== 'checkbox')].map(e => parseFloat(getComputedStyle(e).fontSize)))
            };""";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    BuyerLinks links;

    String run;
    String storeId;
    String storeName;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-phone-" + run;
        storeName = "Kaffeetassen-Manufaktur " + run;
        stores.save(new Store(storeId, storeName, Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theReturnFormFitsAPhoneNamesTheStoreAndItsChoicesAreEasyToTap() throws Exception {
        browser = Browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
        driver = browser.driver();
        WebDriverWait wait = browser.waiting();
        try {
            driver.get("http://localhost:" + port + "/buyer/returns/new?lang=de&store=" + storeId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form")));
            Map<String, Object> shown = measure("return-form-de");
            assertFitsAPhone(shown, "ltr", 6);

            // a tap on the words of a choice selects it: the label holds the radio button
            WebElement exchange = driver.findElement(By.cssSelector("input[name=wanted][value=EXCHANGE]"));
            assertThat(exchange.isSelected()).isFalse();
            driver.findElement(By.xpath("//label[input[@name='wanted'][@value='EXCHANGE']]")).click();
            assertThat(exchange.isSelected()).isTrue();

            // sent: the next page is still the store's (the form carries which store it belongs to)
            driver.findElement(By.name("order")).sendKeys("no-such-order-" + run);
            driver.findElement(By.name("email")).sendKeys("nobody." + run + "@example.de");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.stalenessOf(exchange));
            assertThat(measure("return-check-mail-de").get("store")).isEqualTo(storeName);
        } catch (Throwable failure) {
            browser.keep("buyer-phone-failure-form");
            throw failure;
        }
    }

    @Test
    void theSignedConfirmationPageFitsAPhoneRightToLeftWithALongOrderNumber() throws Exception {
        String orderNumber = "PHONE-" + run + "-" + "4".repeat(34); // one unbroken word wider than the screen
        importService.importCsv(new StringReader(ORDER_COLUMNS + storeId + "," + orderNumber + ",amal." + run
                + "@example.ae,Amal,ar,AE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD"
                + run + ",DELIVERED,MUG-STONE,B-78,1,34.90\n" + storeId + "," + orderNumber + ",amal." + run
                + "@example.ae,Amal,ar,AE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD"
                + run + ",DELIVERED,MUG-MOSS,B-79,1,29.90\n"));
        SalesOrder order = orders.findWithLines(storeId, orderNumber).orElseThrow();
        String link = links.returnStartUrl(order.getId(), "SIZE_FIT", "EXCHANGE", "ar");

        browser = Browser.phone(PHONE_WIDTH, PHONE_HEIGHT);
        driver = browser.driver();
        WebDriverWait wait = browser.waiting();
        try {
            driver.get(link);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains(orderNumber);
            Map<String, Object> shown = measure("return-confirm-ar");
            // the item picker, the exchange wish and the button
            assertFitsAPhone(shown, "rtl", 3);
        } catch (Throwable failure) {
            browser.keep("buyer-phone-failure-confirm");
            throw failure;
        }
    }

    private void assertFitsAPhone(Map<String, Object> shown, String direction, int controls) {
        assertThat(shown.get("innerWidth")).as("the phone's width").isEqualTo((long) PHONE_WIDTH);
        assertThat((Long) shown.get("scrollWidth")).as("no horizontal scrolling").isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(((Number) shown.get("widest")).doubleValue()).as("nothing wider than the screen")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(shown.get("dir")).isEqualTo(direction);
        assertThat(shown.get("store")).isEqualTo(storeName);
        assertThat((Long) shown.get("controls")).isGreaterThanOrEqualTo(controls);
        assertThat((List<?>) shown.get("small")).as("fields and buttons under 44 px").isEmpty();
        assertThat((List<?>) shown.get("smallChoices")).as("choices under 44 px").isEmpty();
        assertThat((List<?>) shown.get("unlabelled")).as("fields without a label").isEmpty();
        assertThat(((Number) shown.get("fontSize")).doubleValue()).as("no zoom on focus")
                .isGreaterThanOrEqualTo(16);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure(String page) {
        browser.keep("buyer-phone-" + page);
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(MEASURE);
    }
}
