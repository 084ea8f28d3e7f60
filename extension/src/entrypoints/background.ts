export default defineBackground(() => {
  // The background service worker owns IndexedDB; storage and messages arrive with later issues.
});
