"""Browser tests of the web page (Playwright driving Debian Chromium)."""
