import { LitElement, html, css } from 'lit';
import { configuration } from 'build-time-data';

/**
 * Configuration: every quarkus.airlock.* value in effect and where it comes from.
 */
export class QwcAirlockConfiguration extends LitElement {

    static styles = css`
        :host {
            display: block;
            padding: 10px 20px;
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
        .source {
            color: var(--lumo-contrast-60pct);
        }
    `;

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
