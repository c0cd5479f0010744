export function App() {
  return <Table title="${{ values.name }}" options={{ search: false, paging: false }} />;
}
