/** The reader's app: the join page and the circles a reader reads, nothing of a record. */
import "./circles.css";

export { ReaderApp } from "./ReaderApp.tsx";
