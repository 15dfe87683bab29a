import { html, css } from 'lit';
import { tableStyles } from './airlock-styles.js';
import { AirlockStreamPage, stackedStyles } from './airlock-stream-page.js';
import '@vaadin/button';
import '@vaadin/icon';
import '@vaadin/select';
import '@vaadin/text-field';
import 'qui-badge';

const OUTCOMES = [
    { label: 'All outcomes', value: 'all' },
    { label: 'Dispatched', value: 'dispatched' },
    { label: 'Dropped by a policy', value: 'dropped' },
    { label: 'Discarded', value: 'discarded' },
    { label: 'Waiting for commit', value: 'waiting_for_commit' },
    { label: 'Rolled back', value: 'rolled_back' },
    { label: 'Failed', value: 'failed' },
];

const LEVELS = {
    DISPATCHED: 'success',
    DROPPED: 'contrast',
    DISCARDED: 'contrast',
    WAITING_FOR_COMMIT: '',
    ROLLED_BACK: 'warning',
    FAILED: 'error',
};

const KEPT = 500;

/**
 * History: the last outcomes, newest first, filtered by task name and outcome. New outcomes stream in.
 */
export class QwcAirlockHistory extends AirlockStreamPage {

    static styles = [tableStyles, stackedStyles, css`
        .bar {
            display: flex;
            gap: 10px;
            align-items: baseline;
        }
    `];

    static properties = {
        _entries: { state: true },
        _outbox: { state: true },
        _deadLetters: { state: true },
        _retrying: { state: true },
        _held: { state: true },
        _task: { state: true },
        _outcome: { state: true },
    };

    constructor() {
        super();
        this._entries = null;
        this._outbox = null;
        this._deadLetters = [];
        this._retrying = [];
        this._held = [];
        this._task = '';
        this._outcome = '';
    }

    connectedCallback() {
        super.connectedCallback();
        this._reload();
        this._reloadOutbox();
    }

    _subscribe() {
        return this.jsonRpc.streamHistory().onNext(response => {
            const entry = response.result;
            if (this._entries !== null && this._matches(entry)
                    && !this._entries.some(known => known.id === entry.id)) {
                this._entries = [entry, ...this._entries].slice(0, KEPT);
            }
        });
    }

    _reload() {
        this.jsonRpc.getHistory({ task: this._task, outcome: this._outcome }).then(response => {
            this._entries = response.result;
        });
    }

    _reloadOutbox() {
        this.jsonRpc.getOutbox().then(response => {
            this._outbox = response.result;
            if (this._outbox.enabled) {
                this.jsonRpc.getDeadLetters().then(letters => {
                    this._deadLetters = letters.result;
                });
                this.jsonRpc.getRetrying().then(rows => {
                    this._retrying = rows.result;
                });
                this.jsonRpc.getHeld().then(rows => {
                    this._held = rows.result;
                });
            }
        });
    }

    _resubmit(id) {
        this.jsonRpc.resubmit({ id: id }).then(() => this._reloadOutbox());
    }

    _matches(entry) {
        return (!this._task || entry.task.toLowerCase().includes(this._task.trim().toLowerCase()))
            && (!this._outcome || entry.outcome === this._outcome.toUpperCase());
    }

    _outcomeChanged(value) {
        const outcome = !value || value === 'all' ? '' : value;
        if (outcome !== this._outcome) {
            this._outcome = outcome;
            this._reload();
        }
    }

    _clear() {
        this.jsonRpc.clearHistory().then(() => {
            this._entries = [];
        });
    }

    /** The cells an outbox row that failed shows, retrying or dead: when, what, how often, why, from where. */
    _failedRowCells(when, row) {
        return html`
            <td class="meta">${when ? new Date(when).toLocaleString() : ''}</td>
            <td><code class="task">${row.task}</code></td>
            <td><code>${row.args}</code></td>
            <td>${row.attempts}</td>
            <td><code>${row.lastError}</code></td>
            <td class="meta">${row.origin ?? ''}</td>`;
    }

    render() {
        return html`
            <div class="bar">
                <vaadin-text-field placeholder="Task name" clear-button-visible
                    .value="${this._task}"
                    @value-changed="${e => { this._task = e.detail.value || ''; this._reload(); }}">
                    <vaadin-icon slot="prefix" icon="font-awesome-solid:magnifying-glass"></vaadin-icon>
                </vaadin-text-field>
                <vaadin-select .items="${OUTCOMES}" .value="${this._outcome || 'all'}"
                    @value-changed="${e => this._outcomeChanged(e.detail.value)}">
                </vaadin-select>
                <vaadin-button theme="tertiary error" id="clear" @click="${() => this._clear()}">
                    <vaadin-icon icon="font-awesome-solid:trash-can" slot="prefix"></vaadin-icon>
                    Clear
                </vaadin-button>
            </div>
            ${this._renderDeadLetters()}
            ${this._renderEntries()}`;
    }

    _renderDeadLetters() {
        if (!this._outbox || !this._outbox.enabled) {
            return html``;
        }
        return html`
            <div class="bar">
                <strong>Outbox</strong>
                <span class="meta" id="outbox-pending">${this._outbox.pending} row(s) waiting for delivery,
                    ${this._outbox.held} held for an enclosing scope, ${this._retrying.length} failed and retrying,
                    ${this._deadLetters.length} dead-lettered</span>
                <vaadin-button theme="tertiary" @click="${() => this._reloadOutbox()}">
                    <vaadin-icon icon="font-awesome-solid:rotate" slot="prefix"></vaadin-icon>
                    Refresh
                </vaadin-button>
            </div>
            ${this._held.length === 0 ? html`` : html`
                <table id="held">
                    <tr><th>Delivered if undecided at</th><th>Task</th><th>Arguments</th><th>Origin</th><th>Written</th></tr>
                    ${this._held.map(row => html`
                        <tr class="held" title="Written in a nested scope's transaction: released when the enclosing scope flushes, withdrawn when it discards, delivered at this time if it has not decided">
                            <td class="meta">${row.heldUntil ? new Date(row.heldUntil).toLocaleString() : ''}</td>
                            <td><code class="task">${row.task}</code></td>
                            <td><code>${row.args}</code></td>
                            <td class="meta">${row.origin ?? ''}</td>
                            <td class="meta">${row.createdAt ? new Date(row.createdAt).toLocaleString() : ''}</td>
                        </tr>`)}
                </table>`}
            ${this._retrying.length === 0 ? html`` : html`
                <table id="retrying">
                    <tr><th>Next attempt</th><th>Task</th><th>Arguments</th><th>Attempts</th><th>Last error</th>
                        <th>Origin</th></tr>
                    ${this._retrying.map(row => html`
                        <tr class="retrying">${this._failedRowCells(row.nextAttemptAt, row)}</tr>`)}
                </table>`}
            ${this._deadLetters.length === 0 ? html`` : html`
                <table id="dead-letters">
                    <tr><th>Created</th><th>Task</th><th>Arguments</th><th>Attempts</th><th>Last error</th>
                        <th>Origin</th><th></th></tr>
                    ${this._deadLetters.map(letter => html`
                        <tr class="dead-letter">${this._failedRowCells(letter.createdAt, letter)}
                            <td><vaadin-button theme="small" class="resubmit"
                                @click="${() => this._resubmit(letter.id)}">Resubmit</vaadin-button></td>
                        </tr>`)}
                </table>`}`;
    }

    _renderEntries() {
        if (this._entries === null) {
            return html`<span class="empty">Loading history...</span>`;
        }
        if (this._entries.length === 0) {
            return html`<span class="empty" id="no-history">No outcome recorded${this._task || this._outcome
                ? ' that matches the filter' : ' yet'}.</span>`;
        }
        return html`
            <table>
                <tr><th>Time</th><th>Outcome</th><th>Task</th><th>Arguments</th><th>Detail</th><th>Origin</th></tr>
                ${this._entries.map(entry => html`
                    <tr class="entry" data-outcome="${entry.outcome}">
                        <td class="meta">${new Date(entry.at).toLocaleTimeString()}</td>
                        <td><qui-badge small level="${LEVELS[entry.outcome] || ''}">
                            <span>${entry.outcome.toLowerCase().replaceAll('_', ' ')}</span></qui-badge></td>
                        <td><code class="task">${entry.task}</code></td>
                        <td><code class="args">${entry.args.join(', ')}</code></td>
                        <td><code>${entry.detail ?? ''}</code></td>
                        <td class="meta">${entry.origin ?? ''}</td>
                    </tr>`)}
            </table>`;
    }
}
customElements.define('qwc-airlock-history', QwcAirlockHistory);
