import { LitElement, html } from 'lit';
import { tableStyles } from './airlock-styles.js';
import { configuration } from 'build-time-data';

/**
 * Configuration: every quarkus.airlock.* value in effect and where it comes from.
 */
export class QwcAirlockConfiguration extends LitElement {

    static styles = tableStyles;

    render() {
        return html`
            <table>
                <tr><th>Property</th><th>Value</th><th>Source</th></tr>
                ${configuration.map(property => html`
                    <tr class="property">
                        <td><code>${property.name}</code></td>
                        <td><code>${property.value}</code></td>
                        <td class="source">${property.source}</td>
                    </tr>`)}
            </table>`;
    }
}
customElements.define('qwc-airlock-configuration', QwcAirlockConfiguration);
