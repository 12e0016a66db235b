import { InitiativeListRoute } from './initiative-list';

/** "My initiatives": those the user filed or co-authored. */
export function Component() {
  return <InitiativeListRoute mineOnly />;
}
