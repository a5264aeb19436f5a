"""Every page a visitor can reach, in both languages; new pages are added here to be audited."""

PAGES = [
    "/",
    "/kommuner/",
    "/kommuner/?county=56",
    "/kommuner/?county=99",
    "/kommuner/?q=ingen-slik-kommune",
    "/kommuner/1103/",
    "/kommuner/5610/",
    "/kommuner/9999/",
    "/tilgjengelighet/",
    "/personvern/",
    "/en/",
    "/en/municipalities/",
    "/en/municipalities/1103/",
    "/en/accessibility/",
    "/en/privacy/",
    "/en/no-such-page/",
]
