import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function PlayerPage() {
  return <MessagePage title="PlayerPage" icon={null} body="Being built." homeLabel="Home" />;
}
