package org.exchange.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, headless, as Playwright drives it here: never a browser of Playwright's own download.
 * Debian's {@code chromium-headless-shell} (the same engine built for automation, which Playwright itself uses for
 * headless runs) when it is installed, else the full {@code chromium} in its headless mode; {@code EXCHANGE_CHROMIUM}
 * names another binary. (Pages that now and then never finished loading with either build were not the browser's
 * doing but the gateway's: ADR 0025.)
 */
final class Browsers {

    static final Path HEADLESS_SHELL = Path.of("/usr/bin/chromium-headless-shell");

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EXCHANGE_CHROMIUM",
            Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL.toString() : "/usr/bin/chromium"));

    private Browsers() {
    }

    static Browser chromium(Playwright playwright) {
        System.out.println("[browser] " + CHROMIUM);
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
    }
}
