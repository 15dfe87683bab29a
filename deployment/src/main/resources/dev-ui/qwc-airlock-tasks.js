import { LitElement, html, css } from 'lit';
import { tasks } from 'build-time-data';

/**
 * Tasks: the @AirlockTask handlers found at build time and the executor that runs them.
 */
export class QwcAirlockTasks extends LitElement {

    static styles = css`
        :host {
            display: block;
            padding: 10px 20px;
        }
        .empty {
            color: var(--lumo-contrast-60pct);
        }
        table {
            border-collapse: collapse;
            width: 100%;
        }
        th, td {
            text-align: left;
            padding: 4px 8px;
            border-bottom: 1px solid var(--lumo-contrast-5pct);
        }
        th {
            color: var(--lumo-contrast-60pct);
            font-weight: normal;
            font-size: var(--lumo-font-size-s);
        }
        code {
            font-size: 90%;
        }
    `;

    render() {
        if (tasks.length === 0) {
            return html`<span class="empty">No @AirlockTask method in this application.</span>`;
        }
        return html`
            <table>
                <tr><th>Task</th><th>Bean</th><th>Method</th><th>Parameter types</th><th>Executor</th></tr>
                ${tasks.map(task => html`
                    <tr class="task">
                        <td><code>${task.name}</code></td>
                        <td><code>${task.bean}</code> (@${task.scope})</td>
                        <td><code>${task.method}</code></td>
                        <td><code>${task.parameterTypes.join(', ')}</code></td>
                        <td>${task.executor}</td>
                    </tr>`)}
            </table>`;
    }
}
customElements.define('qwc-airlock-tasks', QwcAirlockTasks);
