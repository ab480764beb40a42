import type { InboxFile } from '../../contract/inbox';

/** "820 KB", "3.4 MB". */
const sizeLabel = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** An inquiry's files, each a download link with its size. */
export function FileList({ inquiryId, files }: { inquiryId: string; files: InboxFile[] }) {
  return (
    <ul class="attachments">
      {files.map((file) => (
        <li key={file.id}>
          {/* Served as a download, never shown inline: it is the visitor's file. */}
          <a
            href={`/api/inbox/inquiries/${encodeURIComponent(inquiryId)}/attachments/${encodeURIComponent(file.id)}`}
            download={file.filename}
          >
            {file.filename}
          </a>
          <span class="size"> · {sizeLabel(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}
