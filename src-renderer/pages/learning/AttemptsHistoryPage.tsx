import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function AttemptsHistoryPage() {
  return <MessagePage title="AttemptsHistoryPage" icon={null} body="Being built." homeLabel="Home" />;
}
