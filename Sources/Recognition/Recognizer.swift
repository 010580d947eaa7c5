import Model
import OOXML
