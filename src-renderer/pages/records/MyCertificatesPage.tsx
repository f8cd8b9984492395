import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function MyCertificatesPage() {
  return <MessagePage title="MyCertificatesPage" icon={null} body="Being built." homeLabel="Home" />;
}
