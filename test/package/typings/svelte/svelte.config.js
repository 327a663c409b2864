// The app's Svelte config (nothing to set): svelte-check stops looking here, instead of reading
// whatever vite.config it finds in a folder above.
export default {};
