// happy-dom treats <link rel=stylesheet> / <iframe> in a cloned document as loadable and logs a
// NotSupportedError for each (loading is disabled in tests). Browsers never load resources for a
// document without a browsing context, so report disabled loads as successes to keep logs readable.
type HappyWindow = { happyDOM?: { settings?: { handleDisabledFileLoadingAsSuccess?: boolean } } };
const w = globalThis as unknown as HappyWindow;
if (w.happyDOM?.settings) w.happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
