// Makes the app's first number formatters in a thread of its own while the app downloads
// (started by boot.js, told the page's locale). The first Intl.NumberFormat of a locale loads the
// browser's data for it (20-90 ms measured in Chromium), and the browser keeps that data for the
// whole page: the app's own formatters, made later on the page's thread, then take a fraction of a
// millisecond. The same formatters the app makes first (src/web/intl.rs): whole figures, compact.
onmessage = ({ data: locale }) => {
  try {
    new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(3401677);
    new Intl.NumberFormat(locale, { notation: "compact", maximumSignificantDigits: 3 }).format(3401677);
  } catch {
    // No Intl here: the app makes its formatters, or its fallback, itself.
  }
  close();
};
