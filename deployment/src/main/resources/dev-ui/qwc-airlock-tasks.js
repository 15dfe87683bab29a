import { LitElement, html } from 'lit';
import { tableStyles } from './airlock-styles.js';
import { tasks } from 'build-time-data';

/**
 * Tasks: the @AirlockTask handlers found at build time and the executor that runs them.
 */
export class QwcAirlockTasks extends LitElement {

    static styles = tableStyles;

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
