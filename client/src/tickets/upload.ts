// Uploads a file for a reply (POST /media/uploads; the session cookie goes with it); the answer's id goes to sendMessage.

export interface UploadedFile {
  id: string;
  filename: string | null;
  sizeBytes: number;
  kind: string;
}

export async function uploadAttachment(file: File): Promise<UploadedFile> {
  const response = await fetch(`/media/uploads?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const answer = (await response.json().catch(() => ({}))) as Partial<UploadedFile> & {
    error?: string;
    message?: string;
  };
  if (!response.ok) throw new Error(answer.error ?? answer.message ?? `the upload failed (HTTP ${response.status})`);
  return answer as UploadedFile;
}
