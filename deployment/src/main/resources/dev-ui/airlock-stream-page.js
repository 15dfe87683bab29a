import { LitElement, css } from 'lit';
import { JsonRpc } from 'jsonrpc';

/** A stream page stacks what it shows (a bar, tables, scopes) one below the other. */
export const stackedStyles = css`
    :host {
        display: flex;
        flex-direction: column;
        gap: 10px;
    }
`;

/**
 * A page that follows one of Airlock's streams while it is shown: subscribed when the page is attached, cancelled
 * when it is detached, so that a page left behind does not keep the server sending to it.
 */
export class AirlockStreamPage extends LitElement {

    jsonRpc = new JsonRpc(this);

    /** Subscribes to the page's stream; returns the subscription. */
    _subscribe() {
        throw new Error(this.constructor.name + ' must say which stream it follows');
    }

    connectedCallback() {
        super.connectedCallback();
        this._stream = this._subscribe();
    }

    disconnectedCallback() {
        if (this._stream) {
            this._stream.cancel();
            this._stream = null;
        }
        super.disconnectedCallback();
    }
}
