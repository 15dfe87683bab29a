import { html, css } from 'lit';
import { tableStyles } from './airlock-styles.js';
import { AirlockStreamPage, stackedStyles } from './airlock-stream-page.js';
import '@vaadin/icon';
import 'qui-badge';

/**
 * Pending: every scope open right now, nested under the scope it was entered in, with the intents it buffers.
 * Updates arrive from the server as scopes open, buffer and close.
 */
export class QwcAirlockIntents extends AirlockStreamPage {

    static styles = [tableStyles, stackedStyles, css`
        .scope {
            border: 1px solid var(--lumo-contrast-10pct);
            border-radius: var(--lumo-border-radius-m);
            padding: 8px 12px;
        }
        .scope-header {
            display: flex;
            flex-wrap: wrap;
            gap: 8px;
            align-items: center;
        }
        .origin {
            font-weight: bold;
        }
        .meta {
            color: var(--lumo-contrast-60pct);
            font-size: var(--lumo-font-size-s);
        }
        table {
            margin-top: 6px;
        }
    `];

    static properties = {
        _scopes: { state: true },
    };

    constructor() {
        super();
        this._scopes = null;
    }

    _subscribe() {
        return this.jsonRpc.streamPending().onNext(response => {
            this._scopes = response.result;
        });
    }

    render() {
        if (this._scopes === null) {
            return html`<span class="empty">Loading open scopes...</span>`;
        }
        if (this._scopes.length === 0) {
            return html`<span class="empty" id="no-scopes">No scope is open right now. Intents appear here while the
                request, job or @AirlockScope method that enqueued them is still running.</span>`;
        }
        return html`${this._scopes.map(scope => this._renderScope(scope))}`;
    }

    _renderScope(scope) {
        return html`
            <div class="scope" data-scope-id="${scope.id}" style="margin-left: ${scope.depth * 24}px">
                <div class="scope-header">
                    <vaadin-icon icon="font-awesome-solid:${scope.depth > 0 ? 'turn-up' : 'box-open'}"></vaadin-icon>
                    <span class="origin">${scope.origin ?? 'Scope #' + scope.id}</span>
                    <qui-badge small><span>policy ${scope.policy}</span></qui-badge>
                    <qui-badge small><span>executor ${scope.executor}</span></qui-badge>
                    ${scope.parentId != null ? html`<span class="meta">nested in scope #${scope.parentId}</span>` : ''}
                    <span class="meta">#${scope.id} · ${scope.thread} · open since ${this._time(scope.openedAt)}</span>
                </div>
                ${scope.intents.length === 0
                    ? html`<div class="meta">Nothing buffered yet.</div>`
                    : html`
                        <table>
                            <tr><th>Task</th><th>Arguments</th><th>Options</th><th>Local policies</th><th>Origin</th></tr>
                            ${scope.intents.map(intent => this._renderIntent(intent))}
                        </table>`}
            </div>`;
    }

    _renderIntent(intent) {
        const options = Object.entries(intent.options).map(([key, value]) => key + '=' + value).join(', ');
        return html`
            <tr class="intent">
                <td><code class="task">${intent.name}</code>${intent.captured
                    ? html` <qui-badge small tiny><span>from a nested scope</span></qui-badge>` : ''}</td>
                <td><code class="args">${intent.args.join(', ')}</code></td>
                <td><code>${options}</code></td>
                <td>${intent.localPolicies.join(', ')}</td>
                <td class="meta">${intent.origin ?? ''}</td>
            </tr>`;
    }

    _time(millis) {
        return new Date(millis).toLocaleTimeString();
    }
}
customElements.define('qwc-airlock-intents', QwcAirlockIntents);
