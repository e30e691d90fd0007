// Hash routes (#/areas/ID): the server serves one index.html and never sees the route. Links
// and navigation; the matching of routes is in routes.ts.

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}

export function navigate(...parts: string[]): void {
  location.hash = href(...parts);
}
