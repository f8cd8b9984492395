import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function SessionPage() {
  return <MessagePage title="SessionPage" icon={null} body="Being built." homeLabel="Home" />;
}
