import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function RecordResultsPage() {
  return <MessagePage title="RecordResultsPage" icon={null} body="Being built." homeLabel="Home" />;
}
