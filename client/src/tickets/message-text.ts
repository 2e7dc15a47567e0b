// How a stored message body reads in a preview.

/** Media messages stored before the media id was left out ended with " — (media id …)": agents never need it. */
export function withoutMediaId(body: string): string {
  return body.replace(/ — \(media id [^)]*\)$/, '');
}
