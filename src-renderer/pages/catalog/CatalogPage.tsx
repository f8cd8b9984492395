import { MessagePage } from '../../components/MessagePage';

// TEMPORARY: replaced by the screen itself within this change.
export function CatalogPage() {
  return <MessagePage title="CatalogPage" icon={null} body="Being built." homeLabel="Home" />;
}
