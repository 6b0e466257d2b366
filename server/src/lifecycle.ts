import {
  AbstractMessageReader,
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * The LSP lifecycle, which vscode-languageserver 11 does not enforce: it hands every request to its
 * handler whatever the state (a request before `initialize` got null, one after `shutdown` a full
 * answer). This reader sits between the transport and the connection and answers for it:
 * - before `initialize`, a request gets ServerNotInitialized (-32002) and a notification is dropped
 *   (`exit` excepted);
 * - after `shutdown`, a request gets InvalidRequest and a notification other than `exit` is dropped.
 */
export class LifecycleReader extends AbstractMessageReader implements MessageReader {
  private state: 'new' | 'running' | 'shutdown' = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    /** Told of every message that comes in (the idle collector's clock). */
    private readonly onMessage: () => void = () => undefined,
  ) {
    super();
    inner.onError((error) => this.fireError(error));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  /** Whether `shutdown` was received: an exit after it is a clean one. */
  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      this.onMessage();
      if (this.admit(message)) callback(message);
    });
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }

  /** Whether the connection gets `message`; a request it does not get is answered here. */
  private admit(message: Message): boolean {
    if (Message.isRequest(message)) {
      if (this.state === 'new' && message.method !== 'initialize') return this.refuse(message.id, ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');
      if (this.state === 'shutdown') return this.refuse(message.id, ErrorCodes.InvalidRequest, 'The server is shutting down: only exit is accepted.');
      if (message.method === 'initialize') this.state = 'running';
      else if (message.method === 'shutdown') this.state = 'shutdown';
      return true;
    }
    if (Message.isNotification(message)) return message.method === 'exit' || this.state === 'running';
    return true; // responses to the server's own requests
  }

  private refuse(id: ResponseMessage['id'], code: number, text: string): false {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message: text } };
    void this.writer.write(response).catch(() => undefined);
    return false;
  }
}
