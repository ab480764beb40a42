/** Ctrl-C at the prompt: the command stops, with nothing changed. */
export class Cancelled extends Error {
  override name = 'Cancelled';
}

/**
 * Reads one line from stdin: piped input as it comes, or typed input on a terminal without
 * echoing it. Passwords come this way, never as an argument (which `ps` and shell history see).
 */
export async function readSecretLine(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let line = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new Cancelled('Cancelled: nothing was changed.'));
        if (ch === '\u007f') line = line.slice(0, -1);
        else line += ch;
      }
    };
    const done = (err: Error | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(line);
    };
    input.on('data', onData);
  });
}
