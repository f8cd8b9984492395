import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function MyRecordPage() {
  return <MessagePage title="MyRecordPage" icon={null} body="Being built." homeLabel="Home" />;
}
