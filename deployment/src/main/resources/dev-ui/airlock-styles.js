import { css } from 'lit';

/** The look every Airlock page shares: one place, so that the pages stay alike. */
export const tableStyles = css`
    :host {
        display: block;
        padding: 10px 20px;
    }
    .empty, .meta, .source {
        color: var(--lumo-contrast-60pct);
    }
    table {
        border-collapse: collapse;
        width: 100%;
    }
    th, td {
        text-align: left;
        padding: 3px 8px;
        vertical-align: top;
        border-bottom: 1px solid var(--lumo-contrast-5pct);
    }
    th {
        color: var(--lumo-contrast-60pct);
        font-weight: normal;
        font-size: var(--lumo-font-size-s);
    }
    code {
        font-size: 90%;
        white-space: pre-wrap;
        word-break: break-all;
    }
`;
