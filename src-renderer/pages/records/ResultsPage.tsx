import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function ResultsPage() {
  return <MessagePage title="ResultsPage" icon={null} body="Being built." homeLabel="Home" />;
}
