import { PLAN_ID } from '@/testing/mocks/plans';
import { renderApp, screen, signInAs, within } from '@/testing/test-utils';

describe('plan list', { timeout: 40_000 }, () => {
  it('lists the provincial plan with its dates and links to it', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp('/organization/plans');
    const table = await screen.findByTestId('plan-table', {}, { timeout: 20_000 });
    const link = await within(table).findByRole('link', { name: '405/KH-LĐLĐ' });
    expect(link).toHaveAttribute('href', `/organization/plans/${PLAN_ID}`);
    expect(table).toHaveTextContent('01/08/2023');
    expect(screen.getByRole('heading', { level: 1, name: 'Kế hoạch' })).toBeInTheDocument();
  });
});
