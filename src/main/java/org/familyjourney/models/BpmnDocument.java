package org.familyjourney.models;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * An uploaded diagram read twice: as plain XML (to say exactly where it is broken, and to walk every
 * attribute) and as a Zeebe BPMN model. Knows which elements are drawn, so a problem found on a
 * detail (a timer definition, an input mapping) is pinned to the shape a manager sees.
 */
final class BpmnDocument {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    final String xml;
    final Document dom;
    final BpmnModelInstance model;
    private final Set<String> drawn = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();

    private BpmnDocument(String xml, Document dom, BpmnModelInstance model) {
        this.xml = xml;
        this.dom = dom;
        this.model = model;
        NodeList all = dom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("bpmnElement")) {
                drawn.add(element.getAttribute("bpmnElement"));
            }
            if (element.hasAttribute("id") && element.hasAttribute("name")) {
                names.put(element.getAttribute("id"), element.getAttribute("name").replaceAll("\\s+", " ").strip());
            }
        }
    }

    static BpmnDocument read(byte[] upload) {
        String xml = ModelUpload.text(upload, "diagram");
        Document dom = parse(xml);
        Element root = dom.getDocumentElement();
        if (!BPMN_NS.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "This is not a BPMN diagram: its root element is <"
                    + root.getTagName() + ">, where a diagram starts with <bpmn:definitions>.");
        }
        try {
            return new BpmnDocument(xml, dom, Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "This is not a valid BPMN diagram: " + rootCause(e));
        }
    }

    /** The nearest enclosing element that is drawn (or the process), as (id, name). */
    String[] ref(Element element) {
        Element at = element;
        while (at != null) {
            String id = at.getAttribute("id");
            if (!id.isEmpty() && (drawn.contains(id) || "process".equals(at.getLocalName()))) {
                return new String[] {id, names.getOrDefault(id, "")};
            }
            at = at.getParentNode() instanceof Element parent ? parent : null;
        }
        return new String[] {"", ""};
    }

    String[] ref(ModelElementInstance element) {
        ModelElementInstance at = element;
        while (at != null) {
            String id = at.getAttributeValue("id");
            if (id != null && (drawn.contains(id) || "process".equals(at.getElementType().getTypeName()))) {
                return new String[] {id, names.getOrDefault(id, "")};
            }
            at = at.getParentElement();
        }
        return new String[] {"", ""};
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTDs and no external entities: an upload must not make the server read files or URLs.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "The file is not valid XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (ParserConfigurationException | java.io.IOException | org.xml.sax.SAXException e) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "The file is not valid XML: " + e.getMessage());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
