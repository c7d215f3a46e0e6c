package org.exchange.launcher;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium, headless, as Playwright drives it here: never a browser of Playwright's own download. */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EXCHANGE_CHROMIUM", "/usr/bin/chromium"));

    private Browsers() {
    }

    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
    }
}
