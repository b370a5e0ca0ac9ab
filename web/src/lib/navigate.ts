// Client-side navigation usable outside components (stores, the API client):
// pushes history and tells preact-iso's router, which listens for popstate.
export function navigate(path: string, replace = false) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}
